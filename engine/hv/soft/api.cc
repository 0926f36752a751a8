// Placeholder translation unit until the soft CPU lands (issue 4).
