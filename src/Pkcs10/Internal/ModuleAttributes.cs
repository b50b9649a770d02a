// Locals are always assigned before use; skipping their zero-initialisation keeps the parse path's
// prologs small (the throw helpers' message builders would otherwise be zeroed on every call).
[module: System.Runtime.CompilerServices.SkipLocalsInit]
