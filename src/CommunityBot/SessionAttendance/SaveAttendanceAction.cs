using System.Globalization;
using System.Text.Json;
using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.SessionAttendance;

/// <summary><c>attendance.save</c>: the coach saves the toggles; the card comes back with the saved values.</summary>
internal sealed class SaveAttendanceAction(AttendanceRegister register, TurnState state) : CardActionHandler<AttendanceData>
{
    public override string Verb => AttendanceVerbs.Save;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, AttendanceData data, CancellationToken ct)
    {
        var texts = AttendanceTexts.All.For(state.Language);
        if (Toggles(context) is not { } values)
        {
            return CardActionResult.Refuse(texts.NotAMember);
        }
        var result = await register.SaveAsync(state.RequirePerson(), data.SessionId, values, ct);
        return result.Outcome switch
        {
            AttendanceOutcome.Saved => CardActionResult.UpdateCard(AttendanceCard.Build(result.Sheet!, state.Language)),
            AttendanceOutcome.NotStarted => CardActionResult.Refuse(texts.NotStartedYet),
            AttendanceOutcome.UnknownPerson => CardActionResult.Refuse(texts.NotAMember),
            // Not the actor's to take answers as "not there": answers tell nobody which sessions exist.
            _ => CardActionResult.Refuse(texts.UnknownSession),
        };
    }

    /// <summary>The toggles by person id; null when one cannot be read (a forged card), so nothing is saved.</summary>
    private static Dictionary<long, bool>? Toggles(CardActionContext context)
    {
        Dictionary<long, bool> values = [];
        foreach (var property in context.Data.EnumerateObject().Where(p => p.Name.StartsWith(AttendanceCard.InputPrefix, StringComparison.Ordinal)))
        {
            if (!long.TryParse(property.Name[AttendanceCard.InputPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var personId)
                || property.Value.ValueKind != JsonValueKind.String
                || property.Value.GetString() is not (AttendanceCard.On or AttendanceCard.Off))
            {
                return null;
            }
            values[personId] = property.Value.GetString() == AttendanceCard.On;
        }
        return values;
    }
}
