package io.github.latentlab.data;

import io.github.latentlab.data.Downloader.RemoteFile;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DownloaderTest {
    @TempDir
    Path dir;
    LocalFileServer server;
    Downloader downloader;
    byte[] content;
    RemoteFile file;
    Path target;
    Path part;

    @BeforeEach
    void start() throws Exception {
        server = new LocalFileServer();
        downloader = new Downloader(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1).build(), Duration.ofSeconds(5), Duration.ofSeconds(1));
        Path[] pair = IdxTestFiles.writePair(dir, "src", 300, true);
        content = Files.readAllBytes(pair[0]);
        server.files.put("train-images-idx3-ubyte.gz", content);
        file = new RemoteFile("train-images-idx3-ubyte.gz", content.length, md5(content));
        target = dir.resolve("cache/train-images-idx3-ubyte.gz");
        part = dir.resolve("cache/train-images-idx3-ubyte.gz.part");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private void download(RemoteFile f, Progress progress, Cancellation cancel) throws IOException {
        downloader.download(List.of(server.base()), f, target, IdxFormat::verify, progress, cancel);
    }

    @Test
    void downloadsVerifiesAndMovesIntoPlace() throws Exception {
        List<Double> fractions = new ArrayList<>();
        download(file, (f, m) -> fractions.add(f), Cancellation.none());
        assertArrayEquals(content, Files.readAllBytes(target));
        assertFalse(Files.exists(part));
        assertEquals(1.0, fractions.get(fractions.size() - 1));
        assertEquals(List.of("train-images-idx3-ubyte.gz"), server.requests);
    }

    @Test
    void anExistingPartIsResumedWithARangeRequest() throws Exception {
        Files.createDirectories(part.getParent());
        int half = content.length / 2;
        Files.write(part, Arrays.copyOf(content, half));

        download(file, Progress.NONE, Cancellation.none());

        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(List.of("train-images-idx3-ubyte.gz bytes=" + half + "-"), server.requests);
        assertEquals(content.length - half, server.bytesSent.get());
    }

    @Test
    void aServerIgnoringTheRangeGivesACleanFullDownload() throws Exception {
        server.honourRange = false;
        Files.createDirectories(part.getParent());
        Files.write(part, Arrays.copyOf(content, 1000));

        download(file, Progress.NONE, Cancellation.none());

        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(content.length, server.bytesSent.get());
    }

    @Test
    void aResumedFileThatFailsItsChecksumIsDownloadedAgainFromZero() throws Exception {
        Files.createDirectories(part.getParent());
        byte[] wrong = new byte[content.length / 2];
        Arrays.fill(wrong, (byte) 42);
        Files.write(part, wrong);

        download(file, Progress.NONE, Cancellation.none());

        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(2, server.requests.size(), server.requests.toString());
        assertEquals("train-images-idx3-ubyte.gz", server.requests.get(1));
    }

    @Test
    void aCompletePartAnswered416IsUsedAsItIs() throws Exception {
        Files.createDirectories(part.getParent());
        Files.write(part, content);
        download(file, Progress.NONE, Cancellation.none());
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(0, server.bytesSent.get());
    }

    @Test
    void aChecksumMismatchFailsAndLeavesNoFile() {
        RemoteFile wrongMd5 = new RemoteFile(file.name(), file.size(), "0123456789abcdef0123456789abcdef");
        var e = assertThrows(DownloadException.class, () -> download(wrongMd5, Progress.NONE, Cancellation.none()));
        assertFalse(e.offline());
        assertTrue(e.getMessage().contains("checksum mismatch: expected MD5 0123456789abcdef0123456789abcdef"), e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(part));
    }

    @Test
    void aFileThatIsNotValidIdxIsRejected() throws Exception {
        byte[] junk = "<html>mirror moved</html>".getBytes();
        server.files.put("junk.gz", junk);
        RemoteFile unknownDigest = new RemoteFile("junk.gz", -1, null);
        var e = assertThrows(DownloadException.class, () -> download(unknownDigest, Progress.NONE, Cancellation.none()));
        assertTrue(e.getMessage().contains("downloaded file is invalid"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void theNextMirrorIsTriedWhenOneFails() throws Exception {
        URI missing = server.base().resolve("../nothing-here/");
        downloader.download(List.of(missing, server.base()), file, target, null, Progress.NONE, Cancellation.none());
        assertArrayEquals(content, Files.readAllBytes(target));
    }

    @Test
    void aServerThatIsDownGivesAClearOfflineMessage() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI down = URI.create("http://127.0.0.1:" + port + "/data/");
        var e = assertThrows(DownloadException.class,
                () -> downloader.download(List.of(down), file, target, null, Progress.NONE, Cancellation.none()));
        assertTrue(e.offline());
        assertEquals("no network connection (127.0.0.1: connection refused)", e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void cancellingKeepsThePartForLaterResumption() throws Exception {
        server.stallAfter = 5000;
        Cancellation cancel = new Cancellation();
        assertThrows(CancellationException.class, () -> download(file, (f, m) -> cancel.cancel(), cancel));
        assertFalse(Files.exists(target));
        assertEquals(5000, Files.size(part));

        server.stallAfter = -1;
        download(file, Progress.NONE, Cancellation.none());
        assertArrayEquals(content, Files.readAllBytes(target));
    }

    @Test
    void aStalledConnectionIsAbandoned() throws Exception {
        server.stallAfter = 1000;
        var e = assertThrows(DownloadException.class, () -> download(file, Progress.NONE, Cancellation.none()));
        assertTrue(e.getMessage().contains("no data for 1 s"), e.getMessage());
        assertFalse(Files.exists(target));
    }
}
