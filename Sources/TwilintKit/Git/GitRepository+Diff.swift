extension GitRepository {
    /// The lines added or changed since `revision`: in the working tree, or in the
    /// index when `staged`. Renames are followed, so a moved file brings only its
    /// edited lines; files git does not track yet count as wholly new.
    public func changedLines(since revision: String, staged: Bool = false) throws -> ChangedLines {
        let purpose = "--diff \(revision) compares with that revision, which must exist here (in CI, fetch it first)"
        var arguments = ["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv", "--find-renames",
                         "--no-relative", "--src-prefix=a/", "--dst-prefix=b/"]
        if staged { arguments.append("--cached") }
        let diff = try git(arguments + [revision, "--"], purpose: purpose)
        var changed = ChangedLines()
        for (path, ranges) in UnifiedDiff.addedLines(Array(diff)) {
            changed.lines[absolute(path)] = ranges
        }
        if !staged {
            let untracked = try git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name", "--", ":/"], purpose: purpose)
            for path in untracked.split(separator: 0) {
                changed.wholeFiles.insert(absolute(String(decoding: path, as: UTF8.self)))
            }
        }
        return changed
    }
}
