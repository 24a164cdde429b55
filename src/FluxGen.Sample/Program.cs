// Placeholder entry point; the sample is being built.
return 0;
