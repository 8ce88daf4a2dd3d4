namespace Interview.Sandbox.Limits;

/// <summary>Limits of one step with every value filled in and checked against the server maxima.</summary>
internal sealed record ResolvedLimits(
    int CpuTimeMs, int WallTimeMs, int MemoryMb, int Processes, int OutputBytes, int DiskMb, int FileSizeMb)
{
    /// <summary>Fills gaps from <paramref name="fallback"/>, derives the wall limit (2 × CPU, capped by the maximum)
    /// and rejects values above <paramref name="max"/>. Returns null with an error message when invalid.</summary>
    public static ResolvedLimits? Resolve(RunLimits limits, RunLimits max, RunLimits fallback, out string? error)
    {
        error = null;
        var cpu = limits.CpuTimeMs ?? fallback.CpuTimeMs ?? 5_000;
        var wall = limits.WallTimeMs ?? Math.Min(2L * cpu, max.WallTimeMs ?? int.MaxValue);
        var r = new ResolvedLimits(
            cpu, (int)wall,
            limits.MemoryMb ?? fallback.MemoryMb ?? 256,
            limits.Processes ?? fallback.Processes ?? 64,
            limits.OutputBytes ?? fallback.OutputBytes ?? 64 * 1024,
            limits.DiskMb ?? fallback.DiskMb ?? 64,
            limits.FileSizeMb ?? fallback.FileSizeMb ?? 32);
        error = Check("CPU time limit", r.CpuTimeMs, 1, max.CpuTimeMs, "ms")
            ?? Check("wall time limit", r.WallTimeMs, 1, max.WallTimeMs, "ms")
            ?? Check("memory limit", r.MemoryMb, 16, max.MemoryMb, "MB")
            ?? Check("process limit", r.Processes, 4, max.Processes, "")
            ?? Check("output limit", r.OutputBytes, 1, max.OutputBytes, "bytes")
            ?? Check("disk limit", r.DiskMb, 1, max.DiskMb, "MB")
            ?? Check("file size limit", r.FileSizeMb, 1, max.FileSizeMb, "MB");
        return error is null ? r : null;
    }

    private static string? Check(string name, int value, int min, int? max, string unit) =>
        value < min ? $"{name} must be at least {min} {unit}".TrimEnd()
        : max is { } m && value > m ? $"{name} {value} {unit} is above the server maximum of {m} {unit}".Replace("  ", " ")
        : null;
}
