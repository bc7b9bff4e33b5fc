using CommunityBot.Communities;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Sessions;

/// <summary>One community's planned sessions as the list shows them; <see cref="CanManage"/> adds move and cancel.</summary>
public sealed record CommunitySessions(Community Community, bool CanManage, IReadOnlyList<Session> Sessions);

/// <summary>One community's next session (null when none is planned) as "volgende sessie" shows it; <see cref="Regrets"/> is a member's "ik kan niet komen".</summary>
public sealed record NextSession(Community Community, bool CanManage, Session? Session, CardAction? Regrets);
