package dev.forecast.collection;

import java.util.List;

/** One page of collections, newest first. */
record CollectionPage(List<CollectionResponse> items, int page, int size, long total) {
}
