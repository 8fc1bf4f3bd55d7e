namespace OrderHub.Web.Access;

/// <summary>Staff password rules shared by Identity and the start-up check of the bootstrap admin.</summary>
public static class StaffPasswords
{
    public const int MinimumLength = 10;
}
