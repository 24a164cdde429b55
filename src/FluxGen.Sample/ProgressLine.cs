using Apiframe;

namespace FluxGen.Sample;

/// <summary>Shows a job's status and percent on one line that redraws itself, or one line per change when the
/// output is not a terminal (so logs stay readable).</summary>
internal sealed class ProgressLine : IProgress<ApiframeJob>
{
    private readonly bool _redraw = !Console.IsOutputRedirected;
    private string? _last;

    public void Report(ApiframeJob job)
    {
        var percent = job.Status == ApiframeJobStatus.Completed ? 100 : job.Progress ?? 0;
        var filled = percent / 5;
        var line = $"[{new string('#', filled)}{new string('.', 20 - filled)}] {percent,3}%  {job.Status}";
        if (line == _last)
        {
            return;
        }

        _last = line;
        if (_redraw)
        {
            Console.Write("\r" + line);
        }
        else
        {
            Console.WriteLine(line);
        }
    }

    public void Done()
    {
        if (_redraw && _last is not null)
        {
            Console.WriteLine();
        }
    }
}
