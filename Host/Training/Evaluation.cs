namespace Qtl.Training;

/// <summary>Accuracy, loss and the confusion matrix (rows: true class, columns: predicted) of one split.</summary>
public sealed record Evaluation(double Loss, double Accuracy, int[][] Confusion, int[] Predictions, double[][] Probabilities)
{
    public static Evaluation From(double[][] logits, int[] labels, int classes)
    {
        var confusion = Enumerable.Range(0, classes).Select(_ => new int[classes]).ToArray();
        var predictions = new int[labels.Length];
        var probabilities = new double[labels.Length][];
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            probabilities[i] = Qtl.Model.Probabilities.Softmax(logits[i]);
            loss -= Math.Log(Math.Max(probabilities[i][labels[i]], 1e-300));
            predictions[i] = Qtl.Model.Probabilities.ArgMax(probabilities[i]);
            confusion[labels[i]][predictions[i]]++;
            if (predictions[i] == labels[i]) correct++;
        }
        return new Evaluation(loss / labels.Length, correct / (double)labels.Length, confusion, predictions, probabilities);
    }
}
