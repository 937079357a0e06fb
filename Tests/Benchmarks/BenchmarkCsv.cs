using System.Globalization;
using System.Text;

namespace Qtl.Tests.Benchmarks;

/// <summary>Small deterministic CSV feature tables for the benchmark's tests: two classes apart along the first features.</summary>
internal static class BenchmarkCsv
{
    public static (string Train, string Test) Write(string dir, int train = 40, int test = 30, int features = 3)
    {
        var rng = new Random(3);
        string Table(int n)
        {
            var text = new StringBuilder(string.Join(",", Enumerable.Range(0, features).Select(i => $"f{i}")) + ",label\n");
            for (int i = 0; i < n; i++)
            {
                bool yes = i % 2 == 0;
                var x = Enumerable.Range(0, features).Select(j => (j < 2 ? (yes ? 0.8 : -0.8) : 0) + rng.NextDouble() * 2 - 1);
                text.Append(string.Join(",", x.Select(v => v.ToString("F5", CultureInfo.InvariantCulture)))).Append(yes ? ",yes\n" : ",no\n");
            }
            return text.ToString();
        }
        string a = Path.Combine(dir, "train.csv"), b = Path.Combine(dir, "test.csv");
        File.WriteAllText(a, Table(train));
        File.WriteAllText(b, Table(test));
        return (a, b);
    }
}
