package io.github.latentlab.data;

import io.github.latentlab.data.Downloader.RemoteFile;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A dataset published as the usual four IDX files, and where to get them.
 *
 * <p>Checksums are the MD5s published with the datasets (Fashion-MNIST's README) and used by
 * torchvision for all three; no SHA-256 is published for them. Sizes are given where known for
 * certain (MNIST from its home page; Fashion-MNIST's match Debian's copies plus the file name
 * that gzip stores in the header); KMNIST's are not known here, so it is checked by MD5 and IDX
 * structure only.
 *
 * @param files train images, train labels, test images, test labels, in that order
 * @param mirrors base URLs ending in "/", tried in order
 */
public record RemoteDataset(String id, String displayName, List<String> classNames, List<URI> mirrors,
                            List<RemoteFile> files) {
    public RemoteDataset {
        Objects.requireNonNull(id, "id");
        classNames = List.copyOf(classNames);
        mirrors = List.copyOf(mirrors);
        files = List.copyOf(files);
        if (files.size() != 4) throw new IllegalArgumentException(id + ": need 4 files, got " + files.size());
    }

    public RemoteFile trainImages() { return files.get(0); }
    public RemoteFile trainLabels() { return files.get(1); }
    public RemoteFile testImages() { return files.get(2); }
    public RemoteFile testLabels() { return files.get(3); }

    /** The same dataset fetched from other servers (tests point this at a local server). */
    public RemoteDataset withMirrors(List<URI> otherMirrors) {
        return new RemoteDataset(id, displayName, classNames, otherMirrors, files);
    }

    /** Sum of the known file sizes, or -1 if any is unknown. */
    public long downloadBytes() {
        long sum = 0;
        for (RemoteFile f : files) {
            if (f.size() < 0) return -1;
            sum += f.size();
        }
        return sum;
    }

    public static RemoteDataset mnist() {
        return new RemoteDataset("mnist", "MNIST", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                        URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
                List.of(new RemoteFile("train-images-idx3-ubyte.gz", 9_912_422, "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
                        new RemoteFile("train-labels-idx1-ubyte.gz", 28_881, "d53e105ee54ea40749a09fcbcd1e9432"),
                        new RemoteFile("t10k-images-idx3-ubyte.gz", 1_648_877, "9fb629c4189551a2d022fa330f9573f3"),
                        new RemoteFile("t10k-labels-idx1-ubyte.gz", 4_542, "ec29112dd5afa0611ce80d1b7f02629c")));
    }

    public static RemoteDataset fashionMnist() {
        return new RemoteDataset("fashion-mnist", "Fashion-MNIST",
                List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                        "Ankle boot"),
                List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
                        URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/")),
                List.of(new RemoteFile("train-images-idx3-ubyte.gz", 26_421_880, "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
                        new RemoteFile("train-labels-idx1-ubyte.gz", 29_515, "25c81989df183df01b3e8a0aad5dffbe"),
                        new RemoteFile("t10k-images-idx3-ubyte.gz", 4_422_102, "bef4ecab320f06d8554ea6380940ec79"),
                        new RemoteFile("t10k-labels-idx1-ubyte.gz", 5_148, "bb300cfdad3c16e7a12a480ee83cd310")));
    }

    public static RemoteDataset kmnist() {
        return new RemoteDataset("kmnist", "Kuzushiji-MNIST",
                List.of("o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo"),
                List.of(URI.create("http://codh.rois.ac.jp/kmnist/dataset/kmnist/")),
                List.of(new RemoteFile("train-images-idx3-ubyte.gz", -1, "bdb82020997e1d708af4cf47b453dcf7"),
                        new RemoteFile("train-labels-idx1-ubyte.gz", -1, "e144d726b3acfaa3e44228e80efcd344"),
                        new RemoteFile("t10k-images-idx3-ubyte.gz", -1, "5c965bf0a639b31b8f53240b1b52f4d7"),
                        new RemoteFile("t10k-labels-idx1-ubyte.gz", -1, "7320c461ea6c1c855c0b718fb2a4b134")));
    }

    public static List<RemoteDataset> defaults() {
        return List.of(fashionMnist(), mnist(), kmnist());
    }
}
