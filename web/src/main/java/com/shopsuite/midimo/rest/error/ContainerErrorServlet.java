package com.shopsuite.midimo.rest.error;

import com.shopsuite.midimo.context.RequestId;
import com.shopsuite.midimo.rest.JsonbConfiguration;
import com.shopsuite.midimo.rest.RequestIdFilter;
import com.shopsuite.midimo.rest.access.TokenRefusals;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the WAR (web.xml): failures the servlet container answers itself, outside the
 * JAX-RS application ({@code /chat/}, {@code /chat/index.html}, any path outside {@code /api/v1}),
 * get the same problem+json as the API's own, instead of Undertow's HTML page.
 */
// "" is the Servlet spec's pattern for exactly the context root: /chat/ is "nothing here", a 404,
// rather than the container's 403 for a directory it will not list.
@WebServlet({ContainerErrorServlet.PATH, ""})
public class ContainerErrorServlet extends HttpServlet {

  public static final String PATH = "/error";

  private static final long serialVersionUID = 1L;

  private final transient Jsonb jsonb = new JsonbConfiguration().getContext(Problem.class);

  @Inject transient TokenRefusals refusals;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer given && given >= 400 ? given : 404;
    String offered = request.getHeader(RequestIdFilter.HEADER);
    String requestId = RequestId.isAcceptable(offered) ? offered : RequestId.generate();
    Problems.Answer answer =
        status == HttpServletResponse.SC_UNAUTHORIZED
            ? refusedToken(request, requestId)
            : Problems.answer(new WebApplicationException(Math.min(status, 599)), requestId);
    Problem problem = answer.problem();
    response.setStatus(problem.status());
    answer.headers().forEach(response::setHeader);
    response.setHeader(RequestIdFilter.HEADER, requestId);
    response.setContentType(Problems.PROBLEM_JSON);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(jsonb.toJson(problem));
  }

  /**
   * The server's MicroProfile JWT mechanism refused the request's bearer token before the API saw
   * it (a missing token is the API's to refuse, with the same answer: see AccessControl).
   */
  private Problems.Answer refusedToken(HttpServletRequest request, String requestId) {
    String authorization = request.getHeader("Authorization");
    return Problems.unauthorized(
        "the bearer token was refused: " + refusals.explain(authorization),
        authorization != null,
        requestId);
  }
}
