using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using FluxGen.Analysis.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FluxGen.Analysis.Dependencies;

/// <summary>
/// FLUX050: an object creation (with its initializer) or a <c>with</c> expression that sets a member marked
/// <c>[SchemaDependentRequired]</c> but not the members it needs. A <c>with</c> on a local is judged against the
/// creations the flow analysis finds the local can hold; on any other value it is checked only for what it sets to
/// <see langword="null"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DependentMemberAnalyzer : DiagnosticAnalyzer
{
    private const string AttributeName = "Apiframe.Constraints.SchemaDependentRequiredAttribute";

    /// <summary>The name of the diagnostic property that holds the dependent member's C# name, for the code fix.</summary>
    internal const string MemberProperty = "Member";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DependentMemberMissing, Descriptors.MayBreakSchema, Descriptors.ValueRequiresMember);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var attributes = RuntimeAssemblies.FindTypes(RuntimeAssemblies.Of(start.Compilation), AttributeName);
            if (attributes.IsEmpty)
            {
                return;
            }

            var rules = new RuleCache(attributes, new FlowChecks(start.Options));
            start.RegisterOperationAction(rules.AnalyzeCreation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(rules.AnalyzeWith, OperationKind.With);
        });
    }

    internal sealed class RuleCache
    {
        private readonly ImmutableArray<INamedTypeSymbol> _attributes;
        // Keyed by reference, as the value analyzer's member cache is: a symbol's public object is cached by the
        // compilation, and reference hashing is the cheapest test on a path every object creation takes.
        private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<DependencyRule>> _types = new(ReferenceComparer.Instance);

        // Made once: a method group passed on every creation would allocate a delegate each time.
        private readonly System.Func<ITypeSymbol, ImmutableArray<DependencyRule>> _read;
        private readonly FlowChecks _flow;

        public RuleCache(ImmutableArray<INamedTypeSymbol> attributes, FlowChecks flow)
        {
            _attributes = attributes;
            _read = Read;
            _flow = flow;
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;

            // Most creations set no dependent member: that is decided before anything is allocated. The operand of a
            // `with` is judged together with it, where the members the `with` adds are known.
            if (creation.Type is not { } type || Rules(type) is not { IsEmpty: false } rules || !(SetsAnyDependent(creation, rules) || AppliesUnset(rules)) || IsWithOperand(creation))
            {
                return;
            }

            Report(context, rules, new Writes(creation, null), wholeObject: true, creation.Syntax);
        }

        private static bool SetsAnyDependent(IObjectCreationOperation creation, ImmutableArray<DependencyRule> rules)
        {
            foreach (var rule in rules)
            {
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter is { } parameter && string.Equals(parameter.Name, rule.Dependent.Name, System.StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                if (creation.Initializer is { } initializer)
                {
                    foreach (var item in initializer.Initializers)
                    {
                        if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } && string.Equals(property.Property.Name, rule.Dependent.Name, System.StringComparison.Ordinal))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        public void AnalyzeWith(OperationAnalysisContext context)
        {
            var with = (IWithOperation)context.Operation;
            if (with.Type is not { } type || Rules(type) is not { IsEmpty: false } rules)
            {
                return;
            }

            var operand = Unwrap(with.Operand);
            if (operand is ILocalReferenceOperation local)
            {
                // A copy of a local: judged against the objects it can hold, when the flow analysis knows them.
                CopiedObjects.Check(context, rules, with, local, _flow);
                return;
            }

            var creation = operand as IObjectCreationOperation;
            Report(context, rules, new Writes(creation, with.Initializer), wholeObject: creation is not null, with.Syntax);
        }

        // A rule on a member's default value holds for every creation that leaves the member unset.
        private static bool AppliesUnset(ImmutableArray<DependencyRule> rules)
        {
            foreach (var rule in rules)
            {
                if (rule.WhenUnset)
                {
                    return true;
                }
            }

            return false;
        }

        /// <param name="whole">The expression that writes the object, where a rule its unset members break is
        /// reported (FLUX052); <see langword="null"/> where the object is not written in one expression.</param>
        internal static void Report(OperationAnalysisContext context, ImmutableArray<DependencyRule> rules, Writes state, bool wholeObject, SyntaxNode? whole = null)
        {
            foreach (var rule in rules)
            {
                if (rule.HasCondition)
                {
                    ReportConditional(context, rule, state, wholeObject, whole);
                    continue;
                }

                if (Missing(rule, state, wholeObject, out var dependent) is { } needed)
                {
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(MemberProperty, rule.Dependent.Name);
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.DependentMemberMissing, dependent.Syntax.GetLocation(), properties, rule.DependentPath, PathOf(needed)));
                }
            }
        }

        /// <summary>The first member <paramref name="rule"/> needs that the writes leave unset, if its dependent is set.</summary>
        internal static IPropertySymbol? Missing(DependencyRule rule, Writes state, bool wholeObject, out Write dependent)
        {
            // A rule on one value of the dependent is FLUX052's (ReportConditional), never judged as a plain one.
            if (!state.TryFind(rule.Dependent.Name, out dependent) || dependent.IsNull || rule.HasCondition)
            {
                return null;
            }

            foreach (var needed in rule.Needed)
            {
                // Unwritten is unknown on a `with` of some other value; written as null is missing anywhere.
                if (state.TryFind(needed.Name, out var write) ? write.IsNull : wholeObject)
                {
                    return needed;
                }
            }

            return null;
        }

        /// <summary>FLUX052: a rule that holds while the dependent has one value. Whether it holds is known when the
        /// expression writes that member as a constant, or leaves the whole object's member unset (or null) and the
        /// value is the member's default; anything else is left to <c>Validate()</c>.</summary>
        private static void ReportConditional(OperationAnalysisContext context, DependencyRule rule, Writes state, bool wholeObject, SyntaxNode? whole)
        {
            var written = state.TryFind(rule.Dependent.Name, out var dependent);
            if (written && !dependent.IsNull)
            {
                var value = dependent.Value is { } operation ? Unwrap(operation).ConstantValue : default;
                if (!value.HasValue || !Equals(value.Value, rule.When.Value))
                {
                    return;
                }
            }
            else if (!rule.WhenUnset || !(written || (wholeObject && whole is not null)))
            {
                return;
            }

            var at = written ? dependent.Syntax : whole!;
            foreach (var needed in rule.Needed)
            {
                if (state.TryFind(needed.Name, out var write) ? write.IsNull : wholeObject)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.ValueRequiresMember, at.GetLocation(), rule.DependentPath, WhenText(rule.When), PathOf(needed)));
                }
            }
        }

        // The value as the code names it: an enum member by its name, anything else as it is.
        private static string WhenText(TypedConstant when)
        {
            if (when.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } type)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, when.Value))
                    {
                        return type.Name + "." + field.Name;
                    }
                }
            }

            return when.Value?.ToString() ?? "null";
        }

        internal static bool IsNull(IOperation value) => value.ConstantValue is { HasValue: true, Value: null };

        private static bool IsWithOperand(IOperation operation)
        {
            var current = operation;
            while (current.Parent is IConversionOperation or IParenthesizedOperation)
            {
                current = current.Parent;
            }

            return current.Parent is IWithOperation with && Unwrap(with.Operand) == operation;
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            return operation;
        }

        private ImmutableArray<DependencyRule> Rules(ITypeSymbol type) => _types.GetOrAdd(type.OriginalDefinition, _read);

        private sealed class ReferenceComparer : IEqualityComparer<ITypeSymbol>
        {
            public static readonly ReferenceComparer Instance = new();

            public bool Equals(ITypeSymbol? x, ITypeSymbol? y) => ReferenceEquals(x, y);

            public int GetHashCode(ITypeSymbol obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }

        private ImmutableArray<DependencyRule> Read(ITypeSymbol type)
        {
            var rules = ImmutableArray.CreateBuilder<DependencyRule>();
            foreach (var member in type.GetMembers())
            {
                if (member is not IPropertySymbol property)
                {
                    continue;
                }

                foreach (var attribute in property.GetAttributes())
                {
                    if (!IsDependentRequired(attribute.AttributeClass) || attribute.ConstructorArguments.Length != 1)
                    {
                        continue;
                    }

                    var needed = ImmutableArray.CreateBuilder<IPropertySymbol>();
                    foreach (var name in attribute.ConstructorArguments[0].Values)
                    {
                        if (name.Value is string text && FindProperty(type, text) is { } target)
                        {
                            needed.Add(target);
                        }
                    }

                    if (needed.Count > 0)
                    {
                        TypedConstant when = default;
                        var whenUnset = false;
                        foreach (var named in attribute.NamedArguments)
                        {
                            if (named.Key == "When" && !named.Value.IsNull)
                            {
                                when = named.Value;
                            }
                            else if (named.Key == "WhenUnset" && named.Value.Value is bool unset)
                            {
                                whenUnset = unset;
                            }
                        }

                        var rule = new DependencyRule(property, PathOf(property), needed.ToImmutable()) { When = when };
                        rules.Add(rule with { WhenUnset = whenUnset && rule.HasCondition });
                    }
                }
            }

            return rules.ToImmutable();
        }

        private bool IsDependentRequired(INamedTypeSymbol? attributeClass)
        {
            foreach (var candidate in _attributes)
            {
                if (SymbolEqualityComparer.Default.Equals(attributeClass, candidate))
                {
                    return true;
                }
            }

            return false;
        }

        private static IPropertySymbol? FindProperty(ITypeSymbol type, string name)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is IPropertySymbol property)
                {
                    return property;
                }
            }

            return null;
        }

        // The JSON path from [SchemaProperty], so messages speak the wire's language; the C# name when it is absent.
        internal static string PathOf(IPropertySymbol property)
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "SchemaPropertyAttribute" } && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string path)
                {
                    return path;
                }
            }

            return property.Name;
        }
    }

    internal sealed record DependencyRule(IPropertySymbol Dependent, string DependentPath, ImmutableArray<IPropertySymbol> Needed)
    {
        /// <summary>The value under which the rule holds (<c>[SchemaDependentRequired(When = ...)]</c>); none for a plain rule.</summary>
        public TypedConstant When { get; init; }

        /// <summary>Whether the rule also holds while the dependent is unset (its default is <see cref="When"/>).</summary>
        public bool WhenUnset { get; init; }

        public bool HasCondition => When.Kind != TypedConstantKind.Error && !When.IsNull;
    }

    /// <param name="Syntax">Where the member is written.</param>
    /// <param name="IsNull">Whether it is written as <see langword="null"/>.</param>
    /// <param name="Value">The value written, when the write has one (a nested initializer has none).</param>
    internal readonly record struct Write(SyntaxNode Syntax, bool IsNull, IOperation? Value = null);

    /// <summary>What one expression writes, looked up where it is written rather than copied into a dictionary: this
    /// runs for every creation that sets a dependent member, and allocating there showed up as collections billed
    /// to the analyzer in parallel builds. Later writes win: a <c>with</c> initializer over the creation's initializer
    /// over its constructor arguments (a parameter stands for the member of the same name, as the generator names them).</summary>
    internal readonly struct Writes(IObjectCreationOperation? creation, IObjectOrCollectionInitializerOperation? with)
    {
        public bool TryFind(string member, out Write write)
        {
            if (with is not null && TryFind(with, member, out write))
            {
                return true;
            }

            if (creation?.Initializer is { } initializer && TryFind(initializer, member, out write))
            {
                return true;
            }

            if (creation is not null)
            {
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue
                        && string.Equals(parameter.Name, member, System.StringComparison.OrdinalIgnoreCase))
                    {
                        write = new Write(argument.Syntax, RuleCache.IsNull(argument.Value), argument.Value);
                        return true;
                    }
                }
            }

            write = default;
            return false;
        }

        private static bool TryFind(IObjectOrCollectionInitializerOperation initializer, string member, out Write write)
        {
            for (var i = initializer.Initializers.Length - 1; i >= 0; i--)
            {
                switch (initializer.Initializers[i])
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment when property.Property.Name == member:
                        write = new Write(assignment.Syntax, RuleCache.IsNull(assignment.Value), assignment.Value);
                        return true;
                    case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation property } nested when property.Property.Name == member:
                        write = new Write(nested.Syntax, IsNull: false);
                        return true;
                }
            }

            write = default;
            return false;
        }
    }
}
