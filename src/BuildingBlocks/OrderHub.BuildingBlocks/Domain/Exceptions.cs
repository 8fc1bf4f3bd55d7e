namespace OrderHub.BuildingBlocks.Domain;

/// <summary>A business rule refused the request (HTTP 422). <see cref="Rule"/> names the rule for the caller.</summary>
public class BusinessRuleViolationException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}

/// <summary>The request conflicts with the current state, e.g. an illegal transition (HTTP 409).</summary>
public class ConflictException(string message) : Exception(message);

/// <summary>The addressed resource does not exist (HTTP 404).</summary>
public class NotFoundException(string resource, string key) : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;

    public string Key { get; } = key;
}
