using Qtl.IO;

namespace Qtl.Tests.IO;

public class SafePointTests
{
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(300);

    [Test]
    public void StopWaitsForTheStretchInsideAndNothingEntersAfterIt()
    {
        var point = new SafePoint();
        var inside = point.Enter();
        var stop = Task.Run(point.Stop);
        Assert.That(stop.Wait(Moment), Is.False, "a stop waits while a stretch is inside");

        using (point.Enter()) { } // a stretch inside another (a report's file) still runs
        inside.Dispose();
        Assert.That(stop.Wait(TimeSpan.FromSeconds(10)), Is.True, "and returns once it has left");

        var late = Task.Factory.StartNew(() => point.Enter(), TaskCreationOptions.LongRunning);
        Assert.That(late.Wait(Moment), Is.False, "nothing starts after the stop");
    }

    [Test]
    public void WithoutAStopStretchesComeAndGo()
    {
        var point = new SafePoint();
        var first = point.Enter();
        first.Dispose();
        first.Dispose(); // leaving twice counts once
        Assert.That(Task.Run(point.Stop).Wait(TimeSpan.FromSeconds(10)), Is.True);
    }
}
