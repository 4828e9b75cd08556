package io.github.latentlab.data;

import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;
import io.github.latentlab.util.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches one file over HTTP(S) from a list of mirrors, so that a half-finished or corrupt file
 * never appears under its final name: bytes go to {@code <target>.part}, the part is checked
 * (size, MD5, then an optional structural check) and only then moved into place atomically.
 *
 * <p>An existing {@code .part} is resumed with a {@code Range} request; if the server ignores the
 * range, answers with a different one, or the resumed file fails its check, the download restarts
 * from zero once. Cancelling keeps the {@code .part} for the next attempt. A connection that
 * delivers no byte for the stall timeout is abandoned.
 */
public final class Downloader {
    /** Extra check on a complete download before it is moved into place. */
    @FunctionalInterface
    public interface Verifier {
        void verify(Path file) throws IOException;
    }

    /**
     * A file to fetch: {@code name} is appended to each mirror's base URL.
     *
     * @param size expected length in bytes, or -1 when not known
     * @param md5 expected MD5 as lower-case hex, or null when not known
     */
    public record RemoteFile(String name, long size, String md5) {
        public RemoteFile {
            Objects.requireNonNull(name, "name");
            if (md5 != null) md5 = md5.toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration stallTimeout;

    /** 15 s to connect, 30 s for the response headers, 60 s without a byte of body. */
    public Downloader() {
        this(HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(15))
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .version(HttpClient.Version.HTTP_1_1)
                        .build(),
                Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    public Downloader(HttpClient client, Duration requestTimeout, Duration stallTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.stallTimeout = Objects.requireNonNull(stallTimeout, "stallTimeout");
    }

    /**
     * Downloads {@code file} into {@code target} from the first mirror that delivers a verified
     * copy. Mirrors are base URLs ending in "/".
     *
     * @param verifier extra check on the complete file (e.g. {@code IdxFormat::verify}); may be null
     * @throws DownloadException when every mirror failed; the message names each failure
     * @throws CancellationException when {@code cancel} was set (the .part is kept for resuming)
     */
    public void download(List<URI> mirrors, RemoteFile file, Path target, Verifier verifier,
                         Progress progress, Cancellation cancel) throws IOException {
        if (mirrors.isEmpty()) throw new IllegalArgumentException("no mirror for " + file.name());
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Message failures = null;
        boolean allOffline = true;
        IOException last = null;
        for (URI base : mirrors) {
            URI url = base.resolve(file.name());
            try {
                fetchVerified(url, file, part, verifier, progress, cancel);
                moveIntoPlace(part, target);
                progress.update(1, Message.of("data.progress.downloaded", file.name()));
                return;
            } catch (DownloadException e) {
                Message failure = Message.of("data.error.download.at", String.valueOf(url.getHost()), e.userMessage());
                failures = failures == null ? failure : Message.of("data.error.download.list", failures, failure);
                allOffline &= e.offline();
                last = e;
            }
        }
        throw new DownloadException(allOffline
                ? Message.of("data.error.download.offline", failures)
                : Message.of("data.error.download.failed", file.name(), failures), allOffline, last);
    }

    private void fetchVerified(URI url, RemoteFile file, Path part, Verifier verifier, Progress progress,
                               Cancellation cancel) throws IOException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (file.size() >= 0 && have > file.size()) {
            Files.delete(part);
            have = 0;
        }
        Fetch fetch = fetch(url, file, part, have, progress, cancel);
        boolean resumed = have > 0 && fetch.appended();
        if (have > 0 && !fetch.wrote() && (fetch.status() == 206 || fetch.status() == 416)) {
            // 416: the part may already be complete; 206 with another range: unusable. Else start over.
            if (fetch.status() == 416 && check(part, file, verifier) == null) return;
            Files.deleteIfExists(part);
            fetch = fetch(url, file, part, 0, progress, cancel);
            resumed = false;
        }
        if (!fetch.ok()) {
            // the part was not touched: another mirror may still resume it
            throw new DownloadException(Message.of("data.error.download.http", fetch.status()), false);
        }
        Message problem = check(part, file, verifier);
        if (problem != null && resumed) {
            Files.deleteIfExists(part); // the old part may have been from another version: start clean
            fetch = fetch(url, file, part, 0, progress, cancel);
            problem = fetch.ok() ? check(part, file, verifier) : Message.of("data.error.download.http", fetch.status());
        }
        if (problem != null) {
            Files.deleteIfExists(part);
            throw new DownloadException(problem, false);
        }
    }

    /** Null when the part passes every known check, else what is wrong. */
    private static Message check(Path part, RemoteFile file, Verifier verifier) throws IOException {
        if (!Files.exists(part)) return Message.of("data.error.download.nothing");
        long size = Files.size(part);
        if (file.size() >= 0 && size != file.size()) {
            return Message.of("data.error.download.size", file.size(), size);
        }
        if (file.md5() != null) {
            String actual = md5(part);
            if (!actual.equals(file.md5())) return Message.of("data.error.download.checksum", file.md5(), actual);
        }
        if (verifier != null) {
            try {
                verifier.verify(part);
            } catch (IOException e) {
                return Message.of("data.error.download.invalid", Problems.messageOf(e));
            }
        }
        return null;
    }

    /** What one HTTP exchange did to the part file. */
    private record Fetch(int status, boolean appended, boolean wrote) {
        boolean ok() { return status == 200 || status == 206; }
    }

    private Fetch fetch(URI url, RemoteFile file, Path part, long have, Progress progress, Cancellation cancel)
            throws IOException {
        cancel.check();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET();
        if (have > 0) request.header("Range", "bytes=" + have + "-");
        PartSink sink = new PartSink(part, file, progress);
        CompletableFuture<HttpResponse<Void>> future = client.sendAsync(request.build(), info -> sink.start(info, have));
        try {
            while (true) {
                try {
                    HttpResponse<Void> response = future.get(200, TimeUnit.MILLISECONDS);
                    return new Fetch(response.statusCode(), sink.appended, sink.wrote);
                } catch (TimeoutException e) {
                    if (cancel.isCancelled()) {
                        sink.abort(new CancellationException("cancelled"));
                        future.cancel(true);
                        throw new CancellationException("download of " + file.name() + " cancelled");
                    }
                    if (sink.idleNanos() > stallTimeout.toNanos()) {
                        sink.abort(new IOException("stalled"));
                        future.cancel(true);
                        throw new DownloadException(Message.of("data.error.download.stalled", stallTimeout.toSeconds()), false);
                    }
                }
            }
        } catch (ExecutionException e) {
            throw describe(e.getCause());
        } catch (InterruptedException e) {
            sink.abort(e);
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    private static DownloadException describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException) return new DownloadException(Message.of("data.error.download.unknownHost"), true, t);
            if (c instanceof HttpConnectTimeoutException) {
                return new DownloadException(Message.of("data.error.download.connectTimeout"), true, t);
            }
            if (c instanceof NoRouteToHostException) return new DownloadException(Message.of("data.error.download.noRoute"), true, t);
            if (c instanceof ConnectException) return new DownloadException(Message.of("data.error.download.refused"), true, t);
            if (c instanceof SocketException && String.valueOf(c.getMessage()).contains("unreachable")) {
                return new DownloadException(Message.of("data.error.download.unreachable"), true, t);
            }
            if (c instanceof HttpTimeoutException) return new DownloadException(Message.of("data.error.download.noResponse"), false, t);
        }
        return new DownloadException(Message.of("plain.text", t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage())), false, t);
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("MD5");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Receives the response body straight into the part file (appending to what is there when the
     * server honoured our range), reports progress, and can be aborted from the waiting thread.
     */
    private static final class PartSink implements HttpResponse.BodySubscriber<Void> {
        private final Path part;
        private final RemoteFile file;
        private final Progress progress;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private FileChannel channel;
        private Flow.Subscription subscription;
        private long offset;
        private long total = -1;
        private long received;
        private long lastReport;
        volatile boolean appended;
        volatile boolean wrote;
        private volatile long lastActivity = System.nanoTime();

        PartSink(Path part, RemoteFile file, Progress progress) {
            this.part = part;
            this.file = file;
            this.progress = progress;
        }

        /** Decides from the status line what to do with the body. */
        HttpResponse.BodySubscriber<Void> start(HttpResponse.ResponseInfo info, long have) {
            lastActivity = System.nanoTime();
            int status = info.statusCode();
            if (status == 206) {
                Matcher m = CONTENT_RANGE.matcher(info.headers().firstValue("Content-Range").orElse(""));
                if (!m.matches() || Long.parseLong(m.group(1)) != have) return HttpResponse.BodySubscribers.discarding();
                offset = have;
                appended = have > 0;
                total = m.group(3).equals("*") ? file.size() : Long.parseLong(m.group(3));
                return this;
            }
            if (status == 200) {
                offset = 0;
                long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
                total = length >= 0 ? length : file.size();
                return this;
            }
            return HttpResponse.BodySubscribers.discarding();
        }

        long idleNanos() { return System.nanoTime() - lastActivity; }

        @Override
        public synchronized void onSubscribe(Flow.Subscription s) {
            if (done.isDone()) {
                s.cancel();
                return;
            }
            subscription = s;
            try {
                channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        appended ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
                wrote = true;
            } catch (IOException e) {
                abort(e);
                return;
            }
            s.request(1);
        }

        @Override
        public synchronized void onNext(List<ByteBuffer> buffers) {
            if (done.isDone()) return;
            try {
                for (ByteBuffer b : buffers) {
                    while (b.hasRemaining()) received += channel.write(b);
                }
            } catch (IOException e) {
                abort(e);
                return;
            }
            lastActivity = System.nanoTime();
            if (lastActivity - lastReport > PROGRESS_INTERVAL_NANOS) {
                lastReport = lastActivity;
                report();
            }
            subscription.request(1);
        }

        private void report() {
            long have = offset + received;
            String done = String.format(Locale.ROOT, "%.1f", have / 1e6);
            progress.update(total > 0 ? Math.min(1, (double) have / total) : -1, total > 0
                    ? Message.of("data.progress.downloading", file.name(), done, String.format(Locale.ROOT, "%.1f", total / 1e6))
                    : Message.of("data.progress.downloadingSoFar", file.name(), done));
        }

        @Override
        public synchronized void onError(Throwable t) {
            close();
            done.completeExceptionally(t);
        }

        @Override
        public synchronized void onComplete() {
            try {
                if (channel != null) channel.force(true);
            } catch (IOException e) {
                close();
                done.completeExceptionally(e);
                return;
            }
            close();
            report();
            done.complete(null);
        }

        @Override
        public CompletionStage<Void> getBody() { return done; }

        synchronized void abort(Throwable why) {
            if (subscription != null) subscription.cancel();
            close();
            done.completeExceptionally(why);
        }

        private void close() {
            if (channel == null) return;
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was promised about a file we are abandoning or have already flushed
            }
            channel = null;
        }
    }
}
