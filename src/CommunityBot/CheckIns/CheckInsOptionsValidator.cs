using Microsoft.Extensions.Options;

namespace CommunityBot.CheckIns;

/// <summary>The pseudonym secret must be real outside Development: the development default is public in this repository.</summary>
internal sealed class CheckInsOptionsValidator(IHostEnvironment environment) : IValidateOptions<CheckInsOptions>
{
    public ValidateOptionsResult Validate(string? name, CheckInsOptions options)
    {
        if (string.IsNullOrEmpty(options.PseudonymSecret) || options.PseudonymSecret.Length < CheckInsOptions.MinimumSecretLength)
        {
            return ValidateOptionsResult.Fail($"CheckIns:PseudonymSecret must be set to a secret of at least {CheckInsOptions.MinimumSecretLength} characters.");
        }
        if (options.PseudonymSecret == CheckInsOptions.DevelopmentSecret && !environment.IsDevelopment())
        {
            return ValidateOptionsResult.Fail("CheckIns:PseudonymSecret is the public development default; set a real secret outside Development.");
        }
        if (options.ReminderAfterDays >= options.OpenDays)
        {
            return ValidateOptionsResult.Fail("CheckIns:ReminderAfterDays must be smaller than CheckIns:OpenDays: a reminder after closing asks what can no longer be answered.");
        }
        return ValidateOptionsResult.Success;
    }
}
