namespace Interview.Web.Tests.Support;

/// <summary>Cluster tests run one at a time, and not beside other tests: each starts several processes on a small machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}
