namespace CommunityBot.CheckIns;

/// <summary>The five interpersonal conditions a coach watches (seed 004, PEDAGOGY.md), in the order cards show them.</summary>
public enum CheckInCondition
{
    Interdependence,
    Cohesion,
    PsychologicalSafety,
    GroupPotency,
    SharedGoalOrientation,
}
