namespace OrderHub.Web.Access;

public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string CustomerService = "CustomerService";
    public const string Warehouse = "Warehouse";
    public const string Compliance = "Compliance";

    public static readonly IReadOnlyList<string> All = [Admin, CustomerService, Warehouse, Compliance];
}
