using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Interview.Crdt.Types;

namespace Interview.Crdt;

/// <summary>The bytes of one transaction's changes, as yjs's <c>doc.on('update')</c> delivers them.</summary>
public sealed record UpdateEventArgs(byte[] Update, object? Origin, Transaction Transaction);

/// <summary>
/// A Yjs document: root shared types by name, the struct store, transactions and the update event.
/// Single-writer: a doc is not thread-safe; one owner (the room actor) calls every method.
/// </summary>
public sealed partial class Doc
{
    private ulong _clientId;

    /// <param name="clientId">Client id (up to 53 bits); random 32-bit like yjs when omitted.</param>
    /// <param name="gc">Garbage-collect deleted content (yjs default: true).</param>
    public Doc(ulong? clientId = null, bool gc = true)
    {
        ClientId = clientId ?? NewClientId();
        Gc = gc;
    }

    public ulong ClientId
    {
        get => _clientId;
        set
        {
            if (value > Encoding.VarReader.MaxSafeInteger) throw new ArgumentOutOfRangeException(nameof(value), "client ids have at most 53 bits");
            _clientId = value;
        }
    }

    public bool Gc { get; set; }

    internal readonly StructStore Store = new();
    internal readonly Dictionary<string, AbstractType> Share = new(StringComparer.Ordinal);
    internal Transaction? CurrentTransaction;
    private readonly List<Transaction> _cleanups = [];
    private int _epoch;

    /// <summary>A fresh mark for item sets kept as marks on the items (YATA conflict resolution).</summary>
    internal int NextEpoch() => ++_epoch;

    /// <summary>Raised after each transaction that changed something, with the v1 update of exactly that change.</summary>
    public event EventHandler<UpdateEventArgs>? Update;

    /// <summary>Raised after each transaction's observers ran (changed or not).</summary>
    public event EventHandler<Transaction>? AfterTransaction;

    internal static ulong NewClientId() => (ulong)(uint)RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue);

    public YText GetText(string name = "") => GetRoot(name, static () => new YText());
    public YMap GetMap(string name = "") => GetRoot(name, static () => new YMap());
    public YArray GetArray(string name = "") => GetRoot(name, static () => new YArray());

    /// <summary>Names of the root types defined so far (by the API or by applied updates).</summary>
    public IReadOnlyCollection<string> RootNames => Share.Keys;

    private T GetRoot<T>(string name, Func<T> create) where T : AbstractType
    {
        if (Share.TryGetValue(name, out var existing))
        {
            if (existing is T t) return t;
            if (existing is not UntypedRoot) throw new InvalidOperationException($"root type '{name}' is already defined as {existing.GetType().Name}");
            var typed = create();
            existing.MoveInto(typed);
            typed.RootName = name;
            Share[name] = typed;
            typed.Integrate(this, null);
            return typed;
        }
        var created = create();
        created.RootName = name;
        created.Integrate(this, null);
        Share[name] = created;
        return created;
    }

    /// <summary>The root named <paramref name="key"/>, created untyped when an update mentions it first (yjs <c>doc.get</c>).</summary>
    internal AbstractType GetOrCreateRoot(string key)
    {
        if (Share.TryGetValue(key, out var t)) return t;
        var root = new UntypedRoot { RootName = key };
        root.Integrate(this, null);
        Share[key] = root;
        return root;
    }

    internal string FindRootKey(AbstractType type) => type.RootName ?? throw new InvalidOperationException("not a root type");

    /// <summary>Runs <paramref name="action"/> in one transaction (nested calls join the outer one).</summary>
    public void Transact(Action<Transaction> action, object? origin = null) => Transact(action, origin, true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Transact(Action<Transaction> action, object? origin, bool local)
    {
        var initial = false;
        if (CurrentTransaction is null)
        {
            initial = true;
            CurrentTransaction = new Transaction(this, origin, local);
            _cleanups.Add(CurrentTransaction);
        }
        try
        {
            action(CurrentTransaction);
        }
        finally
        {
            if (initial)
            {
                var finish = _cleanups.Count == 1;
                CurrentTransaction = null;
                if (finish) CleanupTransactions();
            }
        }
    }

    private void CleanupTransactions()
    {
        try
        {
            for (var i = 0; i < _cleanups.Count; i++) Cleanup(_cleanups[i]);
        }
        finally
        {
            _cleanups.Clear();
        }
    }
}
