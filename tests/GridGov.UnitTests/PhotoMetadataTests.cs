using GridGov.Modules.Incidents.Domain;

namespace GridGov.UnitTests;

public class PhotoMetadataTests
{
    private static byte[] Segment(byte marker, string body)
    {
        var data = System.Text.Encoding.ASCII.GetBytes(body);
        var length = data.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)length, .. data];
    }

    [Fact]
    public void A_jpeg_loses_its_exif_and_xmp_and_keeps_everything_else()
    {
        byte[] soi = [0xFF, 0xD8], scan = [0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02, 0x11, 0x22, 0x33, 0xFF, 0xD9];
        var app0 = Segment(0xE0, "JFIF\0");
        var exif = Segment(0xE1, "Exif\0\0GPS 37.87N 111.56E");
        var quant = Segment(0xDB, "quant-table");
        byte[] photo = [.. soi, .. app0, .. exif, .. quant, .. scan];
        var stripped = PhotoMetadata.Strip(photo, "image/jpeg");
        Assert.Equal([.. soi, .. app0, .. quant, .. scan], stripped);
        Assert.Equal(IncidentPhoto.Sniff(stripped), IncidentPhoto.Sniff(photo));
    }

    [Fact]
    public void A_png_loses_its_exif_and_text_chunks()
    {
        static byte[] Chunk(string type, string body)
        {
            var data = System.Text.Encoding.ASCII.GetBytes(body);
            return [0, 0, 0, (byte)data.Length, .. System.Text.Encoding.ASCII.GetBytes(type), .. data, 1, 2, 3, 4];
        }
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        var ihdr = Chunk("IHDR", "0123456789abc");
        var idat = Chunk("IDAT", "pixels");
        var iend = Chunk("IEND", "");
        byte[] photo = [.. signature, .. ihdr, .. Chunk("eXIf", "GPS"), .. Chunk("tEXt", "Author"), .. idat, .. iend];
        Assert.Equal([.. signature, .. ihdr, .. idat, .. iend], PhotoMetadata.Strip(photo, "image/png"));
    }

    [Fact]
    public void Bytes_that_do_not_parse_come_back_as_they_were()
    {
        byte[] broken = [0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0x00, 1, 2];
        Assert.Equal(broken, PhotoMetadata.Strip(broken, "image/jpeg"));
    }
}
