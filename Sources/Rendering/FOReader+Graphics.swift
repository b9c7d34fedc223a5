import Foundation

extension FOReader {
    /// An `fo:external-graphic`: its PNG file checked now, so a missing image fails before rendering.
    func readGraphic(_ attributes: FOAttributes) throws(RenderingError) -> Graphic {
        let line = attributes.element.line
        guard let src = attributes.string("src") else {
            throw .missingProperty(source: source, line: line, element: "fo:external-graphic", property: "src")
        }
        var path = src
        if path.hasPrefix("url("), path.hasSuffix(")") { path = String(path.dropFirst(4).dropLast()) }
        path = path.trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
        guard !path.isEmpty, !path.contains("://") || path.hasPrefix("file://") else {
            throw attributes.bad("src", src, expected: "url('file.png'), a PNG file beside the form")
        }
        if path.hasPrefix("file://") { path = String(path.dropFirst(7)) }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
            : (resourceDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).appendingPathComponent(path)
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw .unusableImage(source: source, line: line, path: path, problem: "cannot be found or read")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 24)) ?? Data()
        // PNG signature, then the IHDR chunk: width and height, big-endian, at bytes 16 and 20.
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard header.count == 24, Array(header.prefix(8)) == signature else {
            throw .unusableImage(source: source, line: line, path: path, problem: "is not a PNG image")
        }
        let bytes = Array(header)
        let pixelWidth = Double(bytes[16..<20].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        let pixelHeight = Double(bytes[20..<24].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        guard pixelWidth > 0, pixelHeight > 0 else {
            throw .unusableImage(source: source, line: line, path: path, problem: "has no pixels")
        }
        let size = 12.0   // `em` on an image: of the initial font size
        // Without a size, a pixel is a point (FOP's default source resolution, 72 dpi).
        let width = try attributes.firstLength(["content-width", "width"], fontSize: size)
        let height = try attributes.firstLength(["content-height", "height"], fontSize: size)
        switch (width, height) {
        case let (width?, height?): return Graphic(url: url, src: path, line: line, width: width, height: height)
        case let (width?, nil): return Graphic(url: url, src: path, line: line, width: width, height: width * pixelHeight / pixelWidth)
        case let (nil, height?): return Graphic(url: url, src: path, line: line, width: height * pixelWidth / pixelHeight, height: height)
        case (nil, nil): return Graphic(url: url, src: path, line: line, width: pixelWidth, height: pixelHeight)
        }
    }
}
