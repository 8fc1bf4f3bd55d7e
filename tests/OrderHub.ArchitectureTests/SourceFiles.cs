using System.Reflection;

namespace OrderHub.ArchitectureTests;

/// <summary>The C# sources of a project, found from its assembly name under the repository's src folder.</summary>
internal static class SourceFiles
{
    public static readonly string Root = FindRoot();

    public static IEnumerable<string> Of(Assembly assembly) => Of(assembly.GetName().Name!);

    public static IEnumerable<string> Of(string projectName)
    {
        var project = Directory.EnumerateFiles(Path.Combine(Root, "src"), projectName + ".csproj", SearchOption.AllDirectories).SingleOrDefault();
        if (project is null)
        {
            return [];
        }

        var folder = Path.GetDirectoryName(project)!;
        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(folder, f)))
            .Order(StringComparer.Ordinal);
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrderHub.sln not found above " + AppContext.BaseDirectory);
    }
}
