using System.Text.RegularExpressions;

namespace CommunityBot.CheckIns;

/// <summary>
/// Checks an instrument file completely before anyone answers it: a missing English text or an unmarked direction would
/// silently skew every mean computed from it. Returns every problem with its path, not just the first.
/// </summary>
public static partial class InstrumentValidator
{
    public const int MinItems = 7;
    public const int MaxItems = 10;

    public static InstrumentReading Validate(InstrumentFile file, int expectedVersion)
    {
        List<string> errors = [];
        if (file.Version != expectedVersion)
        {
            errors.Add($"version: must be {expectedVersion}, the number in the file name");
        }
        var labels = ValidateScale(file.Scale, errors);
        var conditions = ValidateConditions(file.Conditions, errors);
        var items = ValidateItems(file.Items, errors);
        // Coverage is judged on every item that names a condition, so one broken item is reported once, not also as a gap.
        var measured = file.Items?.Select(i => i?.Condition).OfType<CheckInCondition>().ToHashSet() ?? [];
        foreach (var condition in Enum.GetValues<CheckInCondition>().Where(c => !measured.Contains(c)))
        {
            errors.Add($"items: no item measures the condition '{Name(condition)}'");
        }
        return errors.Count > 0
            ? new InstrumentReading(null, errors)
            : new InstrumentReading(new Instrument(expectedVersion, file.Scale!.Min!.Value, file.Scale.Max!.Value, labels, conditions, items), errors);
    }

    private static List<InstrumentText> ValidateScale(InstrumentScale? scale, List<string> errors)
    {
        if (scale is null)
        {
            errors.Add("scale: missing");
            return [];
        }
        // The cards, the reverse scoring and the distributions assume the five-point scale the issue fixes.
        if (scale.Min != 1 || scale.Max != 5)
        {
            errors.Add("scale: must run from min 1 to max 5");
        }
        if (scale.Labels is not { Count: 5 })
        {
            errors.Add("scale.labels: needs one label per point, 5 in all");
            return [];
        }
        return [.. scale.Labels.Select((l, i) => Text(l, $"scale.labels[{i}]", errors))];
    }

    private static List<ConditionText> ValidateConditions(IReadOnlyList<InstrumentCondition?>? conditions, List<string> errors)
    {
        List<ConditionText> valid = [];
        for (var i = 0; i < (conditions?.Count ?? 0); i++)
        {
            var path = $"conditions[{i}]";
            if (conditions![i] is not { } condition || condition.Id is not { } id)
            {
                errors.Add($"{path}.id: missing or not one of the five conditions");
                continue;
            }
            if (valid.Any(c => c.Id == id))
            {
                errors.Add($"{path}.id: '{Name(id)}' appears twice");
            }
            valid.Add(new ConditionText(id, Text(condition.Name, $"{path}.name", errors), Text(condition.Suggestion, $"{path}.suggestion", errors)));
        }
        foreach (var missing in Enum.GetValues<CheckInCondition>().Where(c => valid.All(v => v.Id != c)))
        {
            errors.Add($"conditions: the condition '{Name(missing)}' is missing");
        }
        return [.. valid.OrderBy(c => c.Id)];
    }

    private static List<Statement> ValidateItems(IReadOnlyList<InstrumentItem?>? items, List<string> errors)
    {
        if (items is null || items.Count < MinItems || items.Count > MaxItems)
        {
            errors.Add($"items: needs {MinItems} to {MaxItems} items, to be answerable in about a minute");
        }
        List<Statement> valid = [];
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var path = $"items[{i}]";
            if (items![i] is not { } item)
            {
                errors.Add($"{path}: missing");
                continue;
            }
            var count = errors.Count;
            if (item.Id is null || !ItemId().IsMatch(item.Id))
            {
                errors.Add($"{path}.id: needs lower-case letters, digits and dashes (at most 40)");
            }
            else if (valid.Any(v => v.Id == item.Id))
            {
                errors.Add($"{path}.id: '{item.Id}' appears twice");
            }
            if (item.Condition is null)
            {
                errors.Add($"{path}.condition: missing or not one of the five conditions");
            }
            if (item.Reverse is null)
            {
                errors.Add($"{path}.reverse: must say true or false, so the scoring direction is never guessed");
            }
            if (string.IsNullOrWhiteSpace(item.Source))
            {
                errors.Add($"{path}.source: name the published scale the item is adapted from");
            }
            var text = Text(item.Text, $"{path}.text", errors);
            if (errors.Count == count)
            {
                valid.Add(new Statement(item.Id!, item.Condition!.Value, item.Reverse!.Value, item.Source!, text));
            }
        }
        return valid;
    }

    private static InstrumentText Text(InstrumentText? text, string path, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text?.Nl))
        {
            errors.Add($"{path}.nl: missing");
        }
        if (string.IsNullOrWhiteSpace(text?.En))
        {
            errors.Add($"{path}.en: missing");
        }
        return text ?? new InstrumentText();
    }

    private static string Name(CheckInCondition condition) => InstrumentJson.Name(condition);

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex ItemId();
}

/// <summary>A validated instrument, or every problem found.</summary>
public sealed record InstrumentReading(Instrument? Instrument, IReadOnlyList<string> Errors);
