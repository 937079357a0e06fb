namespace Qtl;

/// <summary>
/// The command-line option of a setting whose option is not its kebab-case name (<c>LearningRate</c> is <c>--lr</c>),
/// so a refused resume names what the user typed.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OptionNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
