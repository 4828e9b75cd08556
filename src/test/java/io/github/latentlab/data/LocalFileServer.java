package io.github.latentlab.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny HTTP server on 127.0.0.1 serving byte arrays under {@code /data/NAME}, with switches to
 * ignore Range requests or to stall mid-body, so download behaviour can be tested offline.
 */
final class LocalFileServer implements AutoCloseable {
    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong bytesSent = new AtomicLong();
    volatile boolean honourRange = true;
    /** When >= 0, send this many body bytes, then hang until {@link #close()}. */
    volatile long stallAfter = -1;
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    LocalFileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data/");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String name = ex.getRequestURI().getPath().substring("/data/".length());
            String range = ex.getRequestHeaders().getFirst("Range");
            requests.add(name + (range == null ? "" : " " + range));
            byte[] body = files.get(name);
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            int from = 0;
            if (range != null && honourRange && range.startsWith("bytes=") && range.endsWith("-")) {
                from = Integer.parseInt(range.substring(6, range.length() - 1));
                if (from >= body.length) {
                    ex.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
                ex.sendResponseHeaders(206, body.length - from);
            } else {
                ex.sendResponseHeaders(200, body.length);
            }
            OutputStream out = ex.getResponseBody();
            int end = body.length;
            if (stallAfter >= 0) end = (int) Math.min(body.length, from + stallAfter);
            out.write(body, from, end - from);
            out.flush();
            bytesSent.addAndGet(end - from);
            if (end < body.length) {
                release.await(20, TimeUnit.SECONDS);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away: expected in cancellation tests
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
