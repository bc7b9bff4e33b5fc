using CommunityBot.Communities;

namespace CommunityBot.Sessions;

/// <summary>One community's planned sessions as the list shows them; <see cref="CanManage"/> adds move and cancel.</summary>
public sealed record CommunitySessions(Community Community, bool CanManage, IReadOnlyList<Session> Sessions);
