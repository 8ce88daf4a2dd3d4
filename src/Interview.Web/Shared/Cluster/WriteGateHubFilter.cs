using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Shared.Cluster;

/// <summary>Every hub call asks the <see cref="IWriteGate"/> first and fails with its refusal (a HubException the
/// browser shows) while changes are refused.</summary>
internal sealed class WriteGateHubFilter(IWriteGate gate) : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next) =>
        gate.Refusal is { } refusal ? throw new HubException(refusal) : next(invocationContext);
}
