import Foundation

/// The files a command was given: files as named, folders as the files inside them.
public enum InputFiles {
    /// Every path in `paths`, with folders replaced by the files inside them (recursively,
    /// in name order) whose extension is in `extensions`. Each file comes with the name
    /// messages use for it: as the user wrote it, or the folder as written plus the path
    /// inside it. Paths that do not exist are kept, so the reader reports them.
    public static func expand(_ paths: [String], extensions: Set<String>) -> [(url: URL, name: String)] {
        paths.flatMap { path -> [(url: URL, name: String)] in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                return [(URL(fileURLWithPath: path), path)]
            }
            let folder = URL(fileURLWithPath: path, isDirectory: true)
            let base = folder.standardizedFileURL.path
            let prefix = path.hasSuffix("/") ? path : path + "/"
            let contents = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            return contents.filter { extensions.contains($0.pathExtension.lowercased()) }
                .map { ($0, prefix + $0.standardizedFileURL.path.dropFirst(base.count + 1)) }
                .sorted { $0.name < $1.name }
        }
    }
}
