/* Starts Swagger UI on /api/v1/docs; an external file, because the Content-Security-Policy allows no inline script. */
(function () {
  "use strict";
  var ziel = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: ziel.getAttribute("data-openapi-url"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    layout: "BaseLayout",
    presets: [SwaggerUIBundle.presets.apis],
    validatorUrl: null
  });
})();
