// Placeholder entry point; benchmarks are being written.
return 0;
