using Interview.Sandbox.Internal;

namespace Interview.Sandbox.Isolation;

/// <summary>
/// The writable filesystem of one run: a fresh tmpfs mounted on the host at
/// <c>&lt;state&gt;/&lt;instance&gt;/b&lt;n&gt;</c>, bound at <c>/box</c> in the sandbox, holding <c>work/</c> (the
/// working directory) and <c>tmp/</c> (where <c>/tmp</c> points). Its size and inode count bound the disk a run
/// can fill. It outlives the compile step so the run step sees the compiled program, and is unmounted at the end.
/// </summary>
/// <remarks>
/// Symlink safety: the host writes into the box only while it is fresh — before any sandboxed code has run in it —
/// with exclusive creates. After that it is only bound as a whole (its mount root cannot be replaced from inside)
/// and lazily unmounted, never traversed. This is the class of bug behind Judge0's CVE-2024-28185.
/// </remarks>
internal sealed class Box : IDisposable
{
    private readonly uint _uid;
    private bool _touched;

    public Box(string path, int sizeMb, int inodes, uint uid)
    {
        Path = path;
        _uid = uid;
        SizeMb = sizeMb;
        Directory.CreateDirectory(path);
        Native.Mount("tmpfs", path, "tmpfs", Native.MsNoSuid | Native.MsNoDev,
            $"size={sizeMb}m,nr_inodes={inodes},mode=0755,uid={uid},gid={uid}");
        foreach (var (name, mode) in new[] { ("work", "755"), ("tmp", "1777") })
        {
            var dir = System.IO.Path.Combine(path, name);
            Directory.CreateDirectory(dir);
            Native.Chmod(dir, Convert.ToUInt32(mode, 8));
            Native.Chown(dir, uid, uid);
        }
    }

    /// <summary>Host path of the tmpfs mount.</summary>
    public string Path { get; }

    public int SizeMb { get; private set; }

    /// <summary>Resizes a fresh box (a warm sandbox handed a run with another disk limit).</summary>
    public void Resize(int sizeMb)
    {
        if (sizeMb == SizeMb) return;
        Native.Mount("tmpfs", Path, "tmpfs", Native.MsRemount | Native.MsNoSuid | Native.MsNoDev, $"size={sizeMb}m");
        SizeMb = sizeMb;
    }

    /// <summary>Writes the source into <c>work/</c>. Only allowed while no sandboxed code has run in the box.</summary>
    public void WriteSource(string fileName, string source)
    {
        if (_touched) throw new InvalidOperationException("the box was already used by sandboxed code");
        if (fileName.Contains('/') || fileName.StartsWith('.')) throw new ArgumentException("bad source file name");
        var file = System.IO.Path.Combine(Path, "work", fileName);
        using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
            writer.Write(source);
        Native.Chown(file, _uid, _uid);
    }

    /// <summary>Marks the box as written by sandboxed code: from now on the host never looks inside.</summary>
    public void MarkTouched() => _touched = true;

    public void Dispose()
    {
        Native.Unmount(Path);
        try
        {
            Directory.Delete(Path);
        }
        catch (IOException)
        {
            // Still referenced by a dying mount namespace; the runner's directory is removed at shutdown.
        }
    }
}
