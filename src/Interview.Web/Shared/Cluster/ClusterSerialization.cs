namespace Interview.Web.Shared.Cluster;

/// <summary>
/// Messages between nodes: the product's own records (room snapshots, join requests, run views…) cross as JSON
/// (System.Text.Json, the shapes the hub already sends), so a record needs no serializer attributes of its own.
/// </summary>
internal static class ClusterSerialization
{
    private static readonly System.Reflection.Assembly[] Ours =
        [typeof(ClusterSerialization).Assembly, typeof(Interview.Sandbox.ICodeRunner).Assembly];

    public static bool IsOurs(Type type) => IsOurAssembly(type) && !type.IsAssignableTo(typeof(IAddressable));

    public static bool IsOurAssembly(Type type) => Array.IndexOf(Ours, type.Assembly) >= 0;
}
