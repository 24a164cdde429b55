using System.Runtime.CompilerServices;

// The code fixes read the fix properties and the tests the descriptors; neither is public API.
[assembly: InternalsVisibleTo("FluxGen.CodeFixes")]
[assembly: InternalsVisibleTo("FluxGen.Tests")]
