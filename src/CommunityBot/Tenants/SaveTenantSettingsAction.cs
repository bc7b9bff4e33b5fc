using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Tenants;

/// <summary><c>settings.save</c>: checks and stores the card's values for the actor's own tenant, and shows the card again.</summary>
internal sealed class SaveTenantSettingsAction(TenantSettingsEditor editor, TurnState state) : CardActionHandler<TenantSettingsForm>
{
    public override string Verb => TenantSettingsVerbs.Save;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, TenantSettingsForm form, CancellationToken ct)
    {
        var outcome = await editor.SaveAsync(state.RequirePerson(), form, state.Language, ct);
        return TenantSettingsAnswer.Of(outcome, state, form);
    }
}

/// <summary><c>settings.reset</c>: every setting of the actor's own tenant back to its configured default.</summary>
internal sealed class ResetTenantSettingsAction(TenantSettingsEditor editor, TurnState state) : CardActionHandler<TenantSettingsReset>
{
    public override string Verb => TenantSettingsVerbs.Reset;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, TenantSettingsReset data, CancellationToken ct) =>
        TenantSettingsAnswer.Of(await editor.ResetAsync(state.RequirePerson(), ct), state);
}

internal static class TenantSettingsAnswer
{
    /// <summary>The card again (saved, reset, or with the errors and the admin's input), or the one refusal for everyone else.</summary>
    public static CardActionResult Of(TenantSettingsOutcome outcome, TurnState state, TenantSettingsForm? form = null)
    {
        var texts = TenantSettingsTexts.All.For(state.Language);
        return outcome switch
        {
            { Kind: TenantSettingsOutcomeKind.Saved, View: { } view } => CardActionResult.UpdateCard(TenantSettingsCard.Build(view, state.Language, done: texts.Saved)),
            { Kind: TenantSettingsOutcomeKind.Reset, View: { } view } => CardActionResult.UpdateCard(TenantSettingsCard.Build(view, state.Language, done: texts.ResetDone)),
            { Kind: TenantSettingsOutcomeKind.Invalid, View: { } view } => CardActionResult.UpdateCard(TenantSettingsCard.Build(view, state.Language, form, outcome.Errors)),
            _ => CardActionResult.Refuse(texts.NotAllowed),
        };
    }
}
