using Interview.Web.Features.Rooms;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Proctoring;

/// <summary>Sends invigilation events to one hub connection.</summary>
public interface IExamBroadcaster
{
    IProctoringClient Connection(string connectionId);
}

internal sealed class HubExamBroadcaster(IHubContext<RoomHub, IRoomClient> hub) : IExamBroadcaster
{
    public IProctoringClient Connection(string connectionId) => hub.Clients.Client(connectionId);
}
