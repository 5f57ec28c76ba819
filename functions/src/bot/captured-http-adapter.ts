import type {
  HttpRouteHandler,
  IHttpServerAdapter,
  IHttpServerRequest,
  IHttpServerResponse,
} from '@microsoft/teams.apps';

/**
 * The one small HTTP-server adapter between the Teams SDK and our hosts. The SDK registers its
 * messaging handler here instead of on its own Express server; both hosts (the Azure Function
 * and the local node:http process) then hand it `{ body, headers }` through the route table.
 */
export class CapturedHttpAdapter implements IHttpServerAdapter {
  private handler: HttpRouteHandler | undefined;

  registerRoute(_method: 'POST', _path: string, handler: HttpRouteHandler): void {
    this.handler = handler;
  }

  async handle(request: IHttpServerRequest): Promise<IHttpServerResponse> {
    if (!this.handler) throw new Error('The bot is not initialised: no messaging route was registered.');
    return this.handler(request);
  }
}
