namespace GridGov.Modules.Incidents.Domain;

/// <summary>
/// Removes the metadata a phone writes into a photo (EXIF, with the place it was taken and the
/// device, and XMP) before it is stored: the scene is evidence, the photographer's whereabouts
/// are not. Only whole metadata segments are dropped; the image data is copied untouched.
/// </summary>
public static class PhotoMetadata
{
    /// <summary>The photo without its metadata; input that does not parse as the type is returned as it came.</summary>
    public static byte[] Strip(byte[] photo, string contentType) => contentType switch
    {
        "image/jpeg" => StripJpeg(photo),
        "image/png" => StripPng(photo),
        _ => photo,
    };

    private static byte[] StripJpeg(byte[] jpeg)
    {
        using var output = new MemoryStream(jpeg.Length);
        output.Write(jpeg, 0, 2); // SOI
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            var marker = jpeg[at + 1];
            // Start of scan: the compressed image follows to the end.
            if (marker == 0xDA) break;
            var length = (jpeg[at + 2] << 8) | jpeg[at + 3];
            if (length < 2 || at + 2 + length > jpeg.Length) return jpeg;
            // APP1 carries EXIF and XMP; APP13 carries Photoshop/IPTC data.
            if (marker is not (0xE1 or 0xED)) output.Write(jpeg, at, 2 + length);
            at += 2 + length;
        }
        if (at >= jpeg.Length || jpeg[at] != 0xFF) return jpeg;
        output.Write(jpeg, at, jpeg.Length - at);
        return output.ToArray();
    }

    private static byte[] StripPng(byte[] png)
    {
        using var output = new MemoryStream(png.Length);
        output.Write(png, 0, 8);
        var at = 8;
        while (at + 12 <= png.Length)
        {
            var length = (int)((uint)png[at] << 24 | (uint)png[at + 1] << 16 | (uint)png[at + 2] << 8 | png[at + 3]);
            if (length < 0 || at + 12 + length > png.Length) return png;
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (type is not ("eXIf" or "tEXt" or "iTXt" or "zTXt")) output.Write(png, at, 12 + length);
            at += 12 + length;
            if (type == "IEND") break;
        }
        return output.ToArray();
    }
}
