package org.flatspace.portal.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description: what the API is for and that every call needs a personal API token. */
@Configuration
class OpenApiConfig {

    private static final String TOKEN = "apiToken";

    @Bean
    OpenAPI flatspaceOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Flatspace API").version("v1").description("Request, extend and release"
                        + " capacity and decide approvals from scripts, under the same rules as the portal. Create a"
                        + " personal API token under \"API tokens\" in the portal and send it as"
                        + " \"Authorization: Bearer fs_...\". Errors are RFC 9457 problem details; wrong fields"
                        + " are listed in \"errors\"."))
                .components(new Components().addSecuritySchemes(TOKEN, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("a personal API token (fs_...)")))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }
}
