import Foundation

/// Finds the `.twilint.yml` that applies to a scan: the nearest one in the
/// scanned folder or above it, looking no higher than the repository root (the
/// folder that holds `.git`), so a stray file in a home folder never applies.
public enum ConfigurationLocator {
    /// The absolute path of the configuration for a scan of `path` (a file or
    /// folder, which need not exist), or nil when there is none.
    public static func find(for path: String, workingDirectory: String) -> String? {
        let absolute = Paths.absolute(path, in: workingDirectory)
        var isFolder: ObjCBool = false
        var folder = FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder) && isFolder.boolValue
            ? absolute : Paths.parent(absolute)
        while true {
            let candidate = (folder == "/" ? "" : folder) + "/" + ConfigurationLoader.fileName
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue {
                return candidate
            }
            if folder == "/" || FileManager.default.fileExists(atPath: folder + "/.git") { return nil }
            folder = Paths.parent(folder)
        }
    }
}
