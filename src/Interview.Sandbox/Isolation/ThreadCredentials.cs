using Interview.Sandbox.Internal;

namespace Interview.Sandbox.Isolation;

/// <summary>
/// Makes the calling thread — that thread only; Linux keeps credentials per thread — the unprivileged host uid and
/// gid with no supplementary groups, until disposed. A process it forks meanwhile starts with those credentials.
/// The saved ids stay 0, which lets the thread become root again; they become the host uid in the child at its
/// exec, and with them every capability is gone (the real and effective ids are not 0, the binary has no file
/// capabilities). This is what <c>setpriv</c> did in a process of its own, without that process.
/// </summary>
internal readonly struct ThreadCredentials : IDisposable
{
    private const uint Unchanged = uint.MaxValue;
    private readonly uint[] _groups;

    private ThreadCredentials(uint[] groups) => _groups = groups;

    /// <summary>Switches the calling thread (which must be root) to <paramref name="uid"/> and gid
    /// <paramref name="uid"/>.</summary>
    public static ThreadCredentials Become(uint uid)
    {
        var groups = Native.GetThreadGroups();
        Native.SetThreadGroups([]);
        try
        {
            Native.SetThreadGids(uid, uid, Unchanged);
            try
            {
                Native.SetThreadUids(uid, uid, Unchanged);
            }
            catch
            {
                Native.SetThreadGids(0, 0, Unchanged);
                throw;
            }
        }
        catch
        {
            Native.SetThreadGroups(groups);
            throw;
        }
        return new ThreadCredentials(groups);
    }

    /// <summary>Back to root, with the groups the thread had.</summary>
    public void Dispose()
    {
        Native.SetThreadUids(0, 0, Unchanged);
        Native.SetThreadGids(0, 0, Unchanged);
        Native.SetThreadGroups(_groups);
    }
}
