// The version and the commit `leadbook --version` prints. In git this file holds the version
// of the next release and the commit "unknown"; `.ci/stamp VERSION COMMIT` writes both before a
// release build (the release workflow runs it), so a binary says what it was built from without
// any package or plugin.

/// What this build of leadbook is.
public enum BuildStamp {
    public static let version = "0.2.0"
    public static let commit = "unknown"
}
