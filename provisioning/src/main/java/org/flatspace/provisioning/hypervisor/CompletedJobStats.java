package org.flatspace.provisioning.hypervisor;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Optional;
import org.libvirt.Domain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What libvirt recorded about a domain's last completed job (virDomainGetJobStats with
 * VIR_DOMAIN_JOB_STATS_COMPLETED): after a migration, the target keeps the statistics the source
 * sent it, among them how long the guest was paused at the switch-over.
 *
 * <p>libvirt-java 0.5.2 wraps neither that call nor hands out a domain's native handle, so the
 * handle is read from its package-private field and the call made through JNA. Nothing here is
 * needed for a migration to succeed: whatever goes wrong gives an empty result, never an error.
 */
final class CompletedJobStats {

    /** The part of libvirt's C API that libvirt-java does not wrap. */
    interface Natives extends Library {
        int virDomainGetJobStats(Pointer domain, IntByReference type, PointerByReference params,
                                 IntByReference nparams, int flags);

        int virTypedParamsGetULLong(Pointer params, int nparams, String name, LongByReference value);

        void virTypedParamsFree(Pointer params, int nparams);

        void virResetLastError();
    }

    private static final int VIR_DOMAIN_JOB_STATS_COMPLETED = 1;
    /** VIR_DOMAIN_JOB_DOWNTIME: milliseconds the guest was paused. */
    private static final String DOWNTIME = "downtime";

    private static final Logger log = LoggerFactory.getLogger(CompletedJobStats.class);

    private CompletedJobStats() {
    }

    /** How long the guest was paused in the domain's last completed migration, if libvirt says. */
    static Optional<Duration> downtime(Domain domain) {
        try {
            Pointer handle = Handle.of(domain);
            return handle == null ? Optional.empty() : downtime(handle, Handle.NATIVES);
        } catch (LinkageError e) {
            // A libvirt older than 1.2.9 (no completed statistics) or a JNA that cannot load it.
            log.debug("Cannot read job statistics: {}", e.toString());
            return Optional.empty();
        }
    }

    private static Optional<Duration> downtime(Pointer handle, Natives natives) {
        PointerByReference params = new PointerByReference();
        IntByReference nparams = new IntByReference();
        if (natives.virDomainGetJobStats(handle, new IntByReference(), params, nparams,
                VIR_DOMAIN_JOB_STATS_COMPLETED) < 0) {
            // The error is in libvirt's thread-local slot; libvirt-java's next call must not find it.
            natives.virResetLastError();
            log.debug("No completed job statistics for domain {}", handle);
            return Optional.empty();
        }
        try {
            LongByReference millis = new LongByReference();
            if (natives.virTypedParamsGetULLong(params.getValue(), nparams.getValue(), DOWNTIME, millis) != 1) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(millis.getValue()));
        } finally {
            natives.virTypedParamsFree(params.getValue(), nparams.getValue());
        }
    }

    /** The native handle of a libvirt-java domain, or null with this version of libvirt-java. */
    private static final class Handle {

        static final Natives NATIVES = Native.load(NativeLibvirt.LIBRARY_NAME, Natives.class);
        private static final Field FIELD = field();

        static Pointer of(Domain domain) {
            if (FIELD == null) {
                return null;
            }
            try {
                Object value = FIELD.get(domain);
                return value instanceof PointerType pointer ? pointer.getPointer() : null;
            } catch (IllegalAccessException e) {
                return null;
            }
        }

        private static Field field() {
            try {
                Field field = Domain.class.getDeclaredField("vdp");
                field.setAccessible(true);
                return field;
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.warn("This libvirt-java has no readable Domain.vdp: migrations report no downtime ({})",
                        e.toString());
                return null;
            }
        }
    }
}
