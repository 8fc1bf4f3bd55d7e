using Microsoft.Extensions.Options;

namespace OrderHub.BuildingBlocks.Modules;

/// <summary>Settings that can say what is wrong with them, every problem in one line each (checked at start).</summary>
public interface ISelfCheckingOptions
{
    IReadOnlyList<string> Problems();
}

/// <summary>Fails the start with every problem <typeparamref name="TOptions"/> names; register it with <c>ValidateOnStart</c>.</summary>
public sealed class SelfCheckedOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class, ISelfCheckingOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
