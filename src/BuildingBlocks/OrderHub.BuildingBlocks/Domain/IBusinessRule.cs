namespace OrderHub.BuildingBlocks.Domain;

/// <summary>A named domain rule (suffix <c>Rule</c>); broken rules surface as HTTP 422 naming the rule.</summary>
public interface IBusinessRule
{
    bool IsBroken();

    string Message { get; }
}

public static class BusinessRules
{
    public static void Check(IBusinessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule.GetType().Name, rule.Message);
        }
    }
}
