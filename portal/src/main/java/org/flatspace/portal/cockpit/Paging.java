package org.flatspace.portal.cockpit;

import java.util.List;

import org.camunda.bpm.engine.impl.Page;

/** The page of a list that a Camunda query asked for (all of it without a page). */
final class Paging {

    private Paging() {
    }

    static <T> List<T> page(List<T> all, Page page) {
        if (page == null) {
            return all;
        }
        int from = Math.min(page.getFirstResult(), all.size());
        int to = (int) Math.min((long) from + page.getMaxResults(), all.size());
        return all.subList(from, to);
    }
}
