package io.github.latentlab.session;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.lessons.CommandVocabulary;

/**
 * The whole workspace as File › Save session keeps it, for another machine to open: the data
 * (by catalog id and fingerprint), the model (shipped or carried), the map's settings and layout,
 * what is selected, the noise, the epoch viewed, the tab and the lesson. Checked when made, so a
 * session the app writes is one it can read back.
 *
 * @param formatVersion      the session format it was written in ({@link SessionFile#VERSION} for a new one)
 * @param appVersion         the Latent Lab that wrote it, for messages only
 * @param datasetId          the catalog id of the loaded data, or null when none was loaded
 * @param datasetFingerprint {@code Dataset.fingerprint()} of that data, or empty
 * @param model              the model shown, or null when none
 * @param layout             the map as laid out, or null when there was none (the map is then made again)
 * @param selected           the selected image's row in the map, or -1
 * @param picks              the rows picked for a walk between them (at most 2)
 * @param viewedEpoch        the timeline epoch viewed, or -1 for the latest model
 * @param tab                one of {@link CommandVocabulary#TABS}
 * @param lesson             the lesson followed, or null when none
 */
public record Session(int formatVersion, String appVersion, String datasetId, String datasetFingerprint,
                      SessionModel model, MapSettings map, MapLayout layout, int selected, List<Integer> picks,
                      NoiseKind noiseKind, double noiseLevel, int viewedEpoch, String tab, SessionLesson lesson) {
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{0,64}");

    public Session {
        Checks.range("formatVersion", formatVersion, 1, SessionFile.VERSION);
        appVersion = appVersion == null || appVersion.isBlank() ? "unknown" : Checks.clip(appVersion.strip());
        if (datasetId != null && (datasetId.isEmpty() || datasetId.length() > 200
                || datasetId.codePoints().anyMatch(Character::isISOControl))) {
            throw Checks.refused("session.error.name", "datasetId", Checks.clip(datasetId));
        }
        datasetFingerprint = datasetFingerprint == null ? "" : datasetFingerprint;
        if (!FINGERPRINT.matcher(datasetFingerprint).matches()) {
            throw Checks.refused("session.error.name", "datasetFingerprint", Checks.clip(datasetFingerprint));
        }
        Objects.requireNonNull(map, "map");
        Checks.range("selected", selected, -1, MapSettings.MAX_POINTS - 1);
        picks = List.copyOf(picks);
        if (picks.size() > 2) throw Checks.refused("model.error.json.tooMany", "picks", picks.size(), 2);
        for (int p : picks) Checks.range("picks", p, 0, MapSettings.MAX_POINTS - 1);
        if (noiseKind == null) throw Checks.refused("session.error.oneOf", "noiseKind", "", SessionJson.noiseIds());
        Checks.range("noiseLevel", noiseLevel, 0, noiseKind.maxLevel());
        Checks.range("viewedEpoch", viewedEpoch, -1, MapLayout.MAX_EPOCH);
        Checks.oneOf("tab", tab, CommandVocabulary.TABS);
    }

    /** A session of the running app: this format and this app's version. */
    public static Session of(String datasetId, String datasetFingerprint, SessionModel model, MapSettings map,
                             MapLayout layout, int selected, List<Integer> picks, NoiseKind noiseKind,
                             double noiseLevel, int viewedEpoch, String tab, SessionLesson lesson) {
        return new Session(SessionFile.VERSION, io.github.latentlab.util.BuildInfo.appVersion(), datasetId,
                datasetFingerprint, model, map, layout, selected, picks, noiseKind, noiseLevel, viewedEpoch, tab, lesson);
    }
}
