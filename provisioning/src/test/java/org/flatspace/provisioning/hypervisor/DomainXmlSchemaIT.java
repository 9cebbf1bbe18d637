package org.flatspace.provisioning.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every driver's domain XML against libvirt's own RNG schema, checked by libvirt's own tool
 * (virt-xml-validate, Debian package libvirt-clients): a schema error would otherwise show only
 * when an administrator adds the first host of that kind.
 */
class DomainXmlSchemaIT {

    private static final String VALIDATOR = "/usr/bin/virt-xml-validate";

    @ParameterizedTest
    @EnumSource(DomainKind.class)
    void domainXmlOfEveryKind_isValidAgainstLibvirtsSchema(DomainKind kind, @TempDir Path dir) throws Exception {
        DomainSpec spec = new DomainSpec(UUID.randomUUID(), "payroll-batch-1",
                "Payroll <batch> & \"co\" ]]> 雪 😀\nsecond line", kind, 2, 1023);
        Path file = dir.resolve(kind + ".xml");
        Files.writeString(file, DomainXml.of(spec), StandardCharsets.UTF_8);

        Result result = validate(file);

        assertThat(result.exitCode()).as("virt-xml-validate for %s said:%n%s", kind, result.output()).isZero();
        assertThat(result.output()).contains("validates");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result validate(Path file) throws IOException, InterruptedException {
        assertThat(Path.of(VALIDATOR)).as("virt-xml-validate (apt-get install libvirt-clients)").isExecutable();
        Process process = new ProcessBuilder(VALIDATOR, file.toString(), "domain").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("virt-xml-validate finished").isTrue();
        return new Result(process.exitValue(), output);
    }
}
