package io.github.latentlab.data;

/**
 * One entry of the dataset menu.
 *
 * @param availableOffline true when it can be loaded right now without a network
 * @param location where it comes from ("/usr/share/datasets/fashion-mnist", "generated in memory")
 *                 or, when not offline, where the downloaded or hand-copied files go
 */
public record DatasetInfo(String id, String displayName, String description, boolean availableOffline,
                          String location) { }
